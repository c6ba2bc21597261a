using Workflows.Email;
using Workflows.Network;
using Workflows.Steps;

namespace Workflows.Messaging;

/// <summary>
/// Sends the network's emails from activities: renders the template in the network's language and sends it with the
/// key its orchestrator gave the activity call (plus a suffix when one activity sends several), so an activity delivered
/// or retried again sends nothing twice.
/// </summary>
public sealed class NetworkMail(IEmailSender sender)
{
    /// <summary>Renders and sends one email.</summary>
    public Task SendAsync(
        ActivityCall activity,
        CompetenceNetwork network,
        string template,
        IReadOnlyList<Person> to,
        IReadOnlyDictionary<string, object?> model,
        IReadOnlyList<Person>? cc = null,
        IReadOnlyList<EmailAttachment>? attachments = null,
        string? keySuffix = null,
        CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(network);
        var composed = EmailTemplates.Compose(template, network.Language, network.Name, model);
        return sender.SendAsync(
            new EmailMessage
            {
                IdempotencyKey = keySuffix is null ? activity.IdempotencyKey : $"{activity.IdempotencyKey}:{keySuffix}",
                To = to.Select(Address).ToList(),
                Cc = (cc ?? []).Where(p => to.All(t => !t.Email.Equals(p.Email, StringComparison.OrdinalIgnoreCase))).Select(Address).ToList(),
                Subject = composed.Subject,
                TextBody = composed.TextBody,
                HtmlBody = composed.HtmlBody,
                Attachments = attachments ?? [],
            },
            cancellation);
    }

    private static EmailAddress Address(Person person) => new(person.Email, person.Name);
}
