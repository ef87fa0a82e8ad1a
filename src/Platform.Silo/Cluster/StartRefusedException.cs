namespace Platform.Silo.Cluster;

/// <summary>Settings a process cannot start with; its message names each key to fix, and the program prints it alone.</summary>
public sealed class StartRefusedException(string message, Exception? inner = null) : InvalidOperationException(message, inner);
