namespace Workflows.Email;

/// <summary>Sends email: SendGrid in Azure, SMTP as an option, a local outbox of .eml files as the embedded default.</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/> unless a message with the same idempotency key was already sent.</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellation = default);
}
