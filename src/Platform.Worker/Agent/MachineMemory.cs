using System.Globalization;

namespace Platform.Worker.Agent;

/// <summary>Total memory of this machine in MB, from /proc/meminfo.</summary>
internal static class MachineMemory
{
    public static int TotalMb()
    {
        var line = File.ReadLines("/proc/meminfo").First(l => l.StartsWith("MemTotal:", StringComparison.Ordinal));
        var kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        return (int)(kb / 1024);
    }
}
