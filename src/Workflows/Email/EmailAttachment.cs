namespace Workflows.Email;

/// <summary>A file sent with an email (a PDF, an .ics invitation).</summary>
/// <param name="FileName">The file name the recipient sees.</param>
/// <param name="ContentType">The MIME type.</param>
/// <param name="Content">The bytes.</param>
public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);
