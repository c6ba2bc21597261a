using Workflows.Telemetry;

namespace Workflows.Email;

/// <summary>Counts what <paramref name="inner"/> sends and what its provider refuses, by provider name.</summary>
/// <param name="inner">The sender that sends.</param>
/// <param name="provider">The provider's name for the metric (Outbox, Smtp, SendGrid).</param>
/// <param name="metrics">The instruments.</param>
public sealed class MeteredEmailSender(IEmailSender inner, string provider, WorkflowsMetrics metrics) : IEmailSender
{
    /// <summary>The sender that sends.</summary>
    public IEmailSender Inner => inner;

    /// <inheritdoc />
    public async Task SendAsync(EmailMessage message, CancellationToken cancellation = default)
    {
        try
        {
            await inner.SendAsync(message, cancellation).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The senders throw InvalidOperationException or ArgumentException for what a retry cannot mend (a refused
            // address, a bad request); anything else (a lost connection, a 5xx, a timeout) may pass on the next try.
            metrics.EmailRefused(provider, transient: ex is not (InvalidOperationException or ArgumentException));
            throw;
        }

        metrics.EmailSent(provider);
    }
}
