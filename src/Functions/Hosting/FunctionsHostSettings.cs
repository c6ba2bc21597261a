namespace Workflows.Functions.Hosting;

/// <summary>The host's own settings, bound from configuration (environment, appsettings, local.settings.json Values).</summary>
public sealed class FunctionsHostSettings
{
    /// <summary>The configuration section name.</summary>
    public const string Section = "Host";

    /// <summary>Where embedded defaults keep their files (SQLite, documents, outbox, generated key); <c>data</c> under the content root when empty.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>The largest request body accepted, in bytes.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>The address people reach the host at, for links in emails (document and signing links).</summary>
    public Uri PublicBaseUrl { get; set; } = new("http://localhost:7071/");

    /// <summary>The sender address of outgoing email.</summary>
    public string EmailFrom { get; set; } = "kompetansenettverk@localhost";

    /// <summary>The sender name of outgoing email.</summary>
    public string EmailFromName { get; set; } = "Kompetansenettverk i palliasjon";

    /// <summary>The task hub name shown in management URLs.</summary>
    public string TaskHub { get; set; } = "workflows";

    /// <summary>The data directory, resolved against the content root.</summary>
    public string ResolveDataDirectory(string contentRoot) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(DataDirectory) ? Path.Combine(contentRoot, "data") : DataDirectory, contentRoot);
}
