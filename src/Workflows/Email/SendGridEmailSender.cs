using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using Workflows.Network.Storage;

namespace Workflows.Email;

/// <summary>
/// Sends through SendGrid's v3 mail-send API. SendGrid has no idempotency keys, so each key is recorded in the once
/// ledger after SendGrid accepts the message and checked before sending: a retried activity finds it and sends
/// nothing. A crash between SendGrid's 202 and the record can still send twice; that window is one request long.
/// </summary>
public sealed class SendGridEmailSender(HttpClient http, SendGridOptions options, IOnceLedger ledger) : IEmailSender
{
    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellation = default)
    {
        EmailGuard.Check(message);
        if (await ledger.WasRecordedAsync(EmailGuard.LedgerScope, message.IdempotencyKey, cancellation).ConfigureAwait(false))
        {
            return;
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(options.Endpoint, "v3/mail/send"))
        {
            Content = JsonContent.Create(Body(message)),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", options.ApiKey);
        using var response = await http.SendAsync(request, cancellation).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            // 429 and 5xx pass; the activity's retry policy tries again. Other 4xx are our fault and will not pass.
            var transient = response.StatusCode == HttpStatusCode.TooManyRequests || (int)response.StatusCode >= 500;
            var detail = $"SendGrid answered {(int)response.StatusCode} {response.ReasonPhrase}.";
            throw transient ? new HttpRequestException(detail, null, response.StatusCode) : new InvalidOperationException(detail);
        }

        await ledger.TryRecordOnceAsync(EmailGuard.LedgerScope, message.IdempotencyKey, cancellation).ConfigureAwait(false);
    }

    private MailSend Body(EmailMessage message)
    {
        var content = new List<MailContent> { new("text/plain", message.TextBody) };
        if (message.HtmlBody is { } html)
        {
            content.Add(new MailContent("text/html", html));
        }

        return new MailSend(
            [new Personalization(message.To.Select(Address).ToList(), message.Cc.Count == 0 ? null : message.Cc.Select(Address).ToList())],
            Address(options.From),
            message.Subject,
            content,
            message.Attachments.Count == 0
                ? null
                : message.Attachments.Select(a => new MailAttachment(Convert.ToBase64String(a.Content), a.ContentType, a.FileName, "attachment")).ToList(),
            new Dictionary<string, string> { [MimeMessages.IdempotencyHeader] = message.IdempotencyKey },
            new Dictionary<string, string> { ["idempotency_key"] = message.IdempotencyKey });
    }

    private static MailAddress Address(EmailAddress address) => new(address.Address, address.Name);

    private sealed record MailSend(
        [property: JsonPropertyName("personalizations")] IReadOnlyList<Personalization> Personalizations,
        [property: JsonPropertyName("from")] MailAddress From,
        [property: JsonPropertyName("subject")] string Subject,
        [property: JsonPropertyName("content")] IReadOnlyList<MailContent> Content,
        [property: JsonPropertyName("attachments"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MailAttachment>? Attachments,
        [property: JsonPropertyName("headers")] IReadOnlyDictionary<string, string> Headers,
        [property: JsonPropertyName("custom_args")] IReadOnlyDictionary<string, string> CustomArgs);

    private sealed record Personalization(
        [property: JsonPropertyName("to")] IReadOnlyList<MailAddress> To,
        [property: JsonPropertyName("cc"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<MailAddress>? Cc);

    private sealed record MailAddress(
        [property: JsonPropertyName("email")] string Email,
        [property: JsonPropertyName("name"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Name);

    private sealed record MailContent([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("value")] string Value);

    private sealed record MailAttachment(
        [property: JsonPropertyName("content")] string Content,
        [property: JsonPropertyName("type")] string Type,
        [property: JsonPropertyName("filename")] string Filename,
        [property: JsonPropertyName("disposition")] string Disposition);
}
