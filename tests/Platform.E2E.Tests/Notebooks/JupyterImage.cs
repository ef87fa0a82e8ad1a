namespace Platform.E2E.Tests.Notebooks;

/// <summary>The notebook image the tests run (scripts/images.sh builds it from jupyter/).</summary>
public static class JupyterImage
{
    public const string Default = "platform/jupyter:4.0-cpu";

    /// <summary>
    /// The platform's default image, or the one <c>PLATFORM_E2E_JUPYTER_IMAGE</c> names: any image that
    /// starts Jupyter the way jupyter/README.md says (port, token and base URL from the environment).
    /// </summary>
    public static string Name =>
        Environment.GetEnvironmentVariable("PLATFORM_E2E_JUPYTER_IMAGE") is { Length: > 0 } image ? image : Default;
}
