namespace Workflows.Functions.Hosting;

/// <summary>Where documents live (configuration section <c>Documents</c>).</summary>
public sealed class DocumentStoreSettings
{
    /// <summary>The section name.</summary>
    public const string Section = "Documents";

    /// <summary><c>Folder</c> (default, under the data directory) or <c>AzureStorage</c> (Blob containers, read links as SAS).</summary>
    public string Store { get; set; } = "Folder";

    /// <summary>The secret signing the folder store's read links; generated into the data directory when empty.</summary>
    public string? LinkSecret { get; set; }
}
