using MimeKit;
using Workflows.Email;

namespace Workflows.Adapters.Email;

/// <summary>Turns an <see cref="EmailMessage"/> into a MIME message (the outbox's .eml files and SMTP).</summary>
internal static class MimeMessages
{
    public static MimeMessage Create(EmailMessage message, EmailAddress from, DateTimeOffset date, string messageId)
    {
        var mime = new MimeMessage { Subject = message.Subject, Date = date, MessageId = messageId };
        mime.From.Add(new MailboxAddress(from.Name, from.Address));
        mime.To.AddRange(message.To.Select(a => new MailboxAddress(a.Name, a.Address)));
        mime.Cc.AddRange(message.Cc.Select(a => new MailboxAddress(a.Name, a.Address)));
        mime.Headers.Add(IdempotencyHeader, message.IdempotencyKey);
        var body = new BodyBuilder { TextBody = message.TextBody, HtmlBody = message.HtmlBody };
        foreach (var attachment in message.Attachments)
        {
            body.Attachments.Add(attachment.FileName, attachment.Content, ContentType.Parse(attachment.ContentType));
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    /// <summary>The header carrying the idempotency key, so a receiving system can drop a duplicate too.</summary>
    public const string IdempotencyHeader = "X-Idempotency-Key";
}
