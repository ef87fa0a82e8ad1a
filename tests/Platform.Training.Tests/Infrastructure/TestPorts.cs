using System.Net;
using System.Net.Sockets;

namespace Platform.Training.Tests.Infrastructure;

/// <summary>
/// Ports for the tasks a test starts: free on all interfaces, below the kernel's ephemeral range (so no
/// outgoing connection on the machine can take one), and in a band the platform's own tests do not use.
/// </summary>
public static class TestPorts
{
    private static readonly Lock Gate = new();
    private static readonly HashSet<int> Handed = [];

    public static int[] Free(int count)
    {
        var ports = new List<int>();
        lock (Gate)
        {
            while (ports.Count < count)
            {
                var port = Random.Shared.Next(30000, 32700);
                if (Handed.Add(port) && IsFree(port))
                {
                    ports.Add(port);
                }
            }
        }

        return [.. ports];
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Any, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
