using Workflows.TestSupport;

namespace Workflows.Functions.Tests.Support;

/// <summary>Reading the emails an app process has put in its outbox folder.</summary>
public static class AppProcessMail
{
    /// <summary>
    /// Waits for the one email to <paramref name="address"/> whose subject contains <paramref name="subject"/> in the
    /// app's outbox folder (the app's worker sends a moment after the step that asks). It gives up only when the
    /// outbox has stopped growing for a stretch, so a loaded machine makes it slower, not red.
    /// </summary>
    public static async Task<MimeKit.MimeMessage> MailAsync(this AppProcess app, string address, string subject)
    {
        ArgumentNullException.ThrowIfNull(app);
        var folder = Path.Combine(app.DataDirectory, "outbox");
        List<MimeKit.MimeMessage> Mail() => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Select(path => MimeKit.MimeMessage.Load(path)).ToList() : [];
        bool Arrived(IEnumerable<MimeKit.MimeMessage> mail) =>
            mail.Any(m => m.To.Mailboxes.Any(b => b.Address == address) && (m.Subject ?? string.Empty).Contains(subject, StringComparison.Ordinal));
        try
        {
            await Progress.WhileMovingAsync(
                async token =>
                {
                    while (!Arrived(Mail()))
                    {
                        await Task.Delay(100, token);
                    }
                },
                () => Directory.Exists(folder) ? Directory.GetFiles(folder, "*.eml").Length : 0,
                $"no email with '{subject}'",
                stall: TimeSpan.FromSeconds(30));
        }
        catch (TimeoutException)
        {
            // Fall through: NetworkScenario.To names what the outbox does hold.
        }

        return NetworkScenario.To(Mail(), address, subject);
    }

    /// <summary>The operator key the app generated at its first start (when none was configured).</summary>
    public static string GeneratedKey(this AppProcess app) =>
        File.ReadAllText(Path.Combine(app.DataDirectory, "operator.key")).Trim();
}
