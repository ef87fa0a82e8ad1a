namespace Platform.Gateway.Notebooks;

public static class NotebookOriginExtensions
{
    /// <summary>What serving notebooks on their own origins needs (<c>Platform:Notebooks:OriginDomain</c>).</summary>
    public static IServiceCollection AddNotebookOrigins(this IServiceCollection services)
    {
        services.AddDataProtection();
        services.AddSingleton<NotebookPasses>();
        services.AddSingleton<NotebookUrls>();
        return services;
    }

    /// <summary>Keeps each notebook's own host to that notebook; before static files and routing.</summary>
    public static IApplicationBuilder UseNotebookOrigins(this IApplicationBuilder app) => app.UseMiddleware<NotebookOriginMiddleware>();
}
