using Platform.Bench.Simulator.Trace;
using Platform.Contracts.Scheduling;

namespace Platform.Bench.Simulator.Replay;

/// <summary>One job during one replay: what it asks for, and where it stands.</summary>
public sealed class SimJob(TraceJob trace, JobRequest request, int tasks, int gpusPerTask)
{
    /// <summary>The trace row.</summary>
    public TraceJob Trace => trace;

    /// <summary>What the platform's code places.</summary>
    public JobRequest Request => request;

    /// <summary>Its id.</summary>
    public string Id => request.JobId;

    /// <summary>Its tasks.</summary>
    public int Tasks => tasks;

    /// <summary>GPUs of each task.</summary>
    public int GpusPerTask => gpusPerTask;

    /// <summary>Seconds of work left (the duration until it first runs; less after a preemption).</summary>
    public double Remaining { get; set; } = trace.Duration;

    /// <summary>Where it runs, or null.</summary>
    public Allocation? Allocation { get; set; }

    /// <summary>When its current run started.</summary>
    public double RunStart { get; set; }

    /// <summary>When it last entered the queue.</summary>
    public double QueuedSince { get; set; }

    /// <summary>Seconds spent in the queue, every spell together.</summary>
    public double QueuedSeconds { get; set; }

    /// <summary>When it ended, or null.</summary>
    public double? Finish { get; set; }

    /// <summary>True while it stops within its grace period after a preemption.</summary>
    public bool Stopping { get; set; }

    /// <summary>How often it was preempted.</summary>
    public int Preemptions { get; set; }

    /// <summary>Counts its runs, so that the completion event of an earlier run is ignored.</summary>
    public int Run { get; set; }
}
