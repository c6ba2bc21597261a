using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Workflows.Messaging;

/// <summary>
/// Raised by an operator ("send reminder now") on an orchestration that waits on people: it sends the next reminder
/// at once instead of at its time.
/// </summary>
/// <param name="RemindersSeen">
/// The reminders the operator saw sent; the orchestration acts only if it has sent that many, so a button pressed twice,
/// or a page read before the last reminder went, sends one reminder and not two.
/// </param>
public sealed record RemindNow(int RemindersSeen)
{
    /// <summary>The event name.</summary>
    public const string Name = "remind-now";

    /// <summary>
    /// Waits for the first of <paramref name="waits"/>, or for the operator's "send reminder now": null then. A
    /// request meant for another reminder than the <paramref name="remindersSent"/>th is ignored and the wait goes on.
    /// </summary>
    public static async Task<Task?> WhenAnyAsync(TaskOrchestrationContext context, int remindersSent, params Task[] waits)
    {
        ArgumentNullException.ThrowIfNull(context);
        using var stop = new CancellationTokenSource();
        Task<RemindNow> remind;
        Task first;
        do
        {
            remind = context.WaitForExternalEvent<RemindNow>(Name, stop.Token);
            first = await Task.WhenAny([.. waits, remind]).ConfigureAwait(true);
            if (first == remind && (await remind.ConfigureAwait(true)).RemindersSeen == remindersSent)
            {
                return null;
            }
        }
        while (first == remind);

        stop.Cancel();
        return first;
    }
}
