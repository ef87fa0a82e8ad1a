namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>Small valid JSON specs with one part swapped, so each test case shows only what it is about.</summary>
internal static class SpecJson
{
    /// <summary>A valid job with a default worker group and these extra top-level fields.</summary>
    public static string Top(string fields) => """{"name":"job","replicas":{"worker":{}},""" + fields + "}";

    /// <summary>A valid job name with this <c>replicas</c> value.</summary>
    public static string Replicas(string replicas) => """{"name":"job","replicas":""" + replicas + "}";

    /// <summary>A job whose only group is a worker group with this body.</summary>
    public static string Worker(string worker) => Replicas("""{"worker":""" + worker + "}");

    /// <summary>A job whose worker group has these resources.</summary>
    public static string Resources(string resources) => Worker("""{"resources":""" + resources + "}");
}
