using YamlDotNet.Core;

namespace Platform.Core.Jobs.Spec;

/// <summary>A YAML body that is well formed so far but beyond one of <see cref="SpecLimits"/>.</summary>
internal sealed class YamlLimitException(Mark start, Mark end, string message) : YamlException(start, end, message);
