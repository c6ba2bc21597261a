using System.Collections.Concurrent;
using Workflows.Email;

namespace Workflows.Simulation;

/// <summary>Sends nothing: puts each email on the timeline and keeps it for the simulated people who answer.</summary>
internal sealed class RecordingEmailSender(SimulationTimeline timeline, TimeProvider time) : IEmailSender
{
    private readonly ConcurrentDictionary<string, bool> sent = new(StringComparer.Ordinal);

    public ConcurrentQueue<EmailMessage> Inbox { get; } = new();

    public Task SendAsync(EmailMessage message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (sent.TryAdd(message.IdempotencyKey, true))
        {
            timeline.Add(time.GetUtcNow(), "mail", message.Subject);
            Inbox.Enqueue(message);
        }

        return Task.CompletedTask;
    }
}
