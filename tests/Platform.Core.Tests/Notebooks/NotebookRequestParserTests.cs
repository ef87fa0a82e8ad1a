using Platform.Core.Notebooks;

namespace Platform.Core.Tests.Notebooks;

public class NotebookRequestParserTests
{
    public static TheoryData<string, NotebookRequest> Accepted => new()
    {
        { """{ "gpus": 1, "cpus": 2, "memoryMb": 8192 }""", new(null, 1, 2, 8192, null) },
        { """{ "gpus": 0, "cpus": 0.5, "memoryMb": 256, "image": "platform/jupyter:4.0-cpu", "idleTimeoutMinutes": 15 }""",
            new("platform/jupyter:4.0-cpu", 0, 0.5, 256, 15) },
        { """{ "gpus": 2, "cpus": 1, "memoryMb": 1024, "image": null, "idleTimeoutMinutes": null }""", new(null, 2, 1, 1024, null) },
        { """{ "gpus": 1.0, "cpus": 1, "memoryMb": 1024, "idleTimeoutMinutes": 10080 }""", new(null, 1, 1, 1024, 10080) },
    };

    [Theory]
    [MemberData(nameof(Accepted))]
    public void Valid_request_is_read(string body, NotebookRequest expected)
    {
        var result = NotebookRequestParser.Parse(body);

        Assert.Empty(result.Errors);
        Assert.Equal(expected, result.Request);
    }

    /// <summary>Body, every field named, and a piece of one message.</summary>
    public static TheoryData<string, string[], string> Refused => new()
    {
        { """{ "gpus": 0.5, "cpus": 1, "memoryMb": 1024 }""", ["gpus"], "whole number" },
        { """{ "gpus": -1, "cpus": 1, "memoryMb": 1024 }""", ["gpus"], "at least 0" },
        { """{ "gpus": "1", "cpus": 1, "memoryMb": 1024 }""", ["gpus"], "must be a number" },
        { """{ "gpus": 1, "cpus": 0, "memoryMb": 1024 }""", ["cpus"], "at least 0.01" },
        { """{ "gpus": 1, "cpus": 0.009, "memoryMb": 1024 }""", ["cpus"], "at least 0.01" },
        { """{ "gpus": 1, "cpus": 1024.5, "memoryMb": 1024 }""", ["cpus"], "at most 1024" },
        { """{ "gpus": 65, "cpus": 1, "memoryMb": 1024 }""", ["gpus"], "at most 64" },
        { """{ "gpus": 1, "cpus": 1, "memoryMb": 4194305 }""", ["memoryMb"], "at most 4194304" },
        { """{ "gpus": 1, "cpus": 1, "memoryMb": 100 }""", ["memoryMb"], "at least 256" },
        { """{ "gpus": 1, "cpus": 1, "memoryMb": 1024, "idleTimeoutMinutes": 0 }""", ["idleTimeoutMinutes"], "at least 1" },
        { """{ "gpus": 1, "cpus": 1, "memoryMb": 1024, "idleTimeoutMinutes": 10081 }""", ["idleTimeoutMinutes"], "at most 10080" },
        { """{ "gpus": 1, "cpus": 1, "memoryMb": 1024, "image": "" }""", ["image"], "must not be empty" },
        { """{ "cpus": 1 }""", ["gpus", "memoryMb"], "is required" },
        { """{ "gpus": 1, "cpus": 1, "memoryMb": 1024, "idleTimoutMinutes": 5 }""", ["idleTimoutMinutes"], "did you mean 'idleTimeoutMinutes'" },
        { "[1, 2]", ["body"], "JSON object" },
        { "", ["body"], "notebook request" },
        { "{ not json", ["body"], "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void Invalid_request_names_every_bad_field(string body, string[] fields, string message)
    {
        var result = NotebookRequestParser.Parse(body);

        Assert.Null(result.Request);
        Assert.Equal(fields.Order(StringComparer.Ordinal), result.Errors.Select(error => error.Field).Distinct().Order(StringComparer.Ordinal));
        Assert.Contains(result.Errors, error => error.Message.Contains(message, StringComparison.Ordinal));
    }
}
