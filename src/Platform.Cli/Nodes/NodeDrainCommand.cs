namespace Platform.Cli.Nodes;

/// <summary>
/// <c>platform node drain ID</c>: nothing new is placed on the node; its running tasks keep running
/// until their jobs end (admins).
/// </summary>
public sealed class NodeDrainCommand(Terminal terminal) : NodeStateCommand(terminal, "drain", "Draining");
