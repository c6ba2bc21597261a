namespace Workflows.Email;

/// <summary>An email to send: plain text always, HTML when there is one, and attachments.</summary>
public sealed record EmailMessage
{
    /// <summary>
    /// A key that is the same each time this email is attempted (an activity's instance id and task id): a sender
    /// sends at most once per key, so a retried activity never mails twice.
    /// </summary>
    public required string IdempotencyKey { get; init; }

    /// <summary>The recipients.</summary>
    public required IReadOnlyList<EmailAddress> To { get; init; }

    /// <summary>Copy recipients.</summary>
    public IReadOnlyList<EmailAddress> Cc { get; init; } = [];

    /// <summary>The subject line.</summary>
    public required string Subject { get; init; }

    /// <summary>The plain-text body.</summary>
    public required string TextBody { get; init; }

    /// <summary>The HTML body, if any.</summary>
    public string? HtmlBody { get; init; }

    /// <summary>Attached files.</summary>
    public IReadOnlyList<EmailAttachment> Attachments { get; init; } = [];
}
