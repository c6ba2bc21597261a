using System.Net;
using SendGrid;
using SendGrid.Helpers.Mail;
using EmailAddress = Workflows.Email.EmailAddress;
using SendGridAddress = SendGrid.Helpers.Mail.EmailAddress;
using Workflows.Email;
using Workflows.Network.Storage;

namespace Workflows.Adapters.Email;

/// <summary>
/// Sends through SendGrid's v3 mail-send API with SendGrid's own client. SendGrid has no idempotency keys, so each key
/// is recorded in the once ledger after SendGrid accepts the message and checked before sending: a retried activity
/// finds it and sends nothing. A crash between SendGrid's 202 and the record can still send twice; that window is one
/// request long.
/// </summary>
public sealed class SendGridEmailSender : IEmailSender
{
    private readonly SendGridClient client;
    private readonly SendGridOptions options;
    private readonly IOnceLedger ledger;

    /// <summary>Creates the sender on <paramref name="http"/> (from the host's factory, so connections are pooled).</summary>
    public SendGridEmailSender(HttpClient http, SendGridOptions options, IOnceLedger ledger)
    {
        ArgumentNullException.ThrowIfNull(options);
        this.options = options;
        this.ledger = ledger;

        // The client's own retries stay off: the activity's retry policy owns retrying, with the once ledger beside it.
        client = new SendGridClient(http, new SendGridClientOptions { ApiKey = options.ApiKey, Host = options.Endpoint.ToString().TrimEnd('/') });
    }

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellation = default)
    {
        EmailGuard.Check(message);
        if (await ledger.WasRecordedAsync(EmailGuard.LedgerScope, message.IdempotencyKey, cancellation).ConfigureAwait(false))
        {
            return;
        }

        var response = await client.SendEmailAsync(Compose(message), cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // 429 and 5xx pass; the activity's retry policy tries again. Other 4xx are our fault and will not pass.
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            var detail = $"SendGrid answered {(int)response.StatusCode} {response.StatusCode}.";
            throw transient ? new HttpRequestException(detail, null, response.StatusCode) : new InvalidOperationException(detail);
        }

        await ledger.TryRecordOnceAsync(EmailGuard.LedgerScope, message.IdempotencyKey, cancellation).ConfigureAwait(false);
    }

    private SendGridMessage Compose(EmailMessage message)
    {
        var mail = new SendGridMessage
        {
            From = Address(options.From),
            Subject = message.Subject,
            PlainTextContent = message.TextBody,
            HtmlContent = message.HtmlBody,
        };
        mail.AddTos([.. message.To.Select(Address)]);
        if (message.Cc.Count > 0)
        {
            mail.AddCcs([.. message.Cc.Select(Address)]);
        }

        foreach (var attachment in message.Attachments)
        {
            mail.AddAttachment(attachment.FileName, Convert.ToBase64String(attachment.Content), attachment.ContentType, "attachment");
        }

        // The key travels with the message: as a header a receiving system can drop a duplicate by, and as a custom
        // argument SendGrid's event webhook reports back.
        mail.AddHeader(MimeMessages.IdempotencyHeader, message.IdempotencyKey);
        mail.AddCustomArg("idempotency_key", message.IdempotencyKey);
        return mail;
    }

    private static SendGridAddress Address(EmailAddress address) => new(address.Address, address.Name);
}
