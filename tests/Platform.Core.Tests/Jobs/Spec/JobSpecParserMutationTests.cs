using Platform.Core.Jobs.Spec;
using Xunit.Abstractions;

namespace Platform.Core.Tests.Jobs.Spec;

/// <summary>
/// The parser in process, on valid specs cut, spliced and salted with hostile text: it never
/// throws, and it answers either a spec or at most <see cref="SpecLimits.MaxErrors"/> + 1 short
/// errors. The gateway-level fuzz test (tests/Platform.E2E.Tests/SpecFuzzTests.cs) needs Docker;
/// this one runs everywhere. Set <c>SPEC_MUTATION_SEED</c> to repeat a run.
/// </summary>
public sealed class JobSpecParserMutationTests(ITestOutputHelper output)
{
    private const int Cases = 10_000;
    private const int MaxMessageLength = 1_000;

    private static readonly (string Body, string ContentType)[] _valid =
    [
        (SpecSamples.ApiExampleYaml, "application/yaml"),
        (SpecSamples.FullYaml, "application/yaml"),
        (SpecSamples.FullJson, "application/json"),
    ];

    private static readonly string[] _salt =
    [
        "[", "]", "{", "}", ",", ":", "\"", "'", "&a ", "*a", "&b [*a, *a, *a]", "!!str ", "? ", "- ", "\n", "\n  ", "#",
        "1e400", "-0", ".nan", "NaN", "99999999999999999999", "\0", "\uD800", "🚀", "\u202E", "---\n", "...\n", "<<: *a\n",
        new string('[', 40), new string('{', 40), new string('x', 5_000),
    ];

    [Fact]
    public void Mutated_specs_never_throw_and_get_a_short_answer()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SPEC_MUTATION_SEED"), out var given) ? given : Random.Shared.Next();
        output.WriteLine($"SPEC_MUTATION_SEED={seed}");
        var random = new Random(seed);
        var accepted = 0;
        for (var i = 0; i < Cases; i++)
        {
            var (body, contentType) = _valid[random.Next(_valid.Length)];
            for (var edits = random.Next(1, 5); edits > 0; edits--)
            {
                body = Edit(body, random);
            }

            SpecResult result;
            try
            {
                result = JobSpecParser.Parse(body, random.Next(4) == 0 ? "application/json" : contentType);
            }
            catch (Exception e)
            {
                throw new InvalidOperationException($"seed {seed}, case {i} threw on: {body}", e);
            }

            accepted += result.IsValid ? 1 : 0;
            Assert.True(result.IsValid == result.Errors.Count is 0, $"seed {seed}, case {i}");
            Assert.True(result.Errors.Count <= SpecLimits.MaxErrors + 1, $"seed {seed}, case {i}: {result.Errors.Count} errors");
            Assert.All(result.Errors, error => Assert.True(error.Message.Length + error.Field.Length < MaxMessageLength,
                $"seed {seed}, case {i}: {error.Field}: {error.Message}"));
        }

        output.WriteLine($"{Cases} cases, {accepted} accepted");
    }

    private static string Edit(string body, Random random)
    {
        var at = random.Next(body.Length + 1);
        return random.Next(4) switch
        {
            0 => body[..at],
            1 => body[..at] + body[Math.Min(body.Length, at + random.Next(1, 20))..],
            2 => body[..at] + body[random.Next(body.Length)..],
            _ => body[..at] + _salt[random.Next(_salt.Length)] + body[at..],
        };
    }
}
