namespace Workflows.Wheel.Uploads;

/// <summary>The event an upload link raises on its orchestration.</summary>
/// <param name="TokenId">The link used.</param>
/// <param name="DocumentKey">Where the document was stored.</param>
/// <param name="FileName">The file's name as uploaded.</param>
public sealed record DocumentUploaded(string TokenId, string DocumentKey, string FileName)
{
    /// <summary>The event's name.</summary>
    public const string Name = "document-uploaded";
}
