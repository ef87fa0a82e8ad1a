namespace Platform.Cli.Nodes;

/// <summary><c>platform node undrain ID</c>: the node takes new tasks again (admins).</summary>
public sealed class NodeUndrainCommand(Terminal terminal) : NodeStateCommand(terminal, "undrain", "Undraining");
