using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;

namespace Workflows.Messaging;

/// <summary>
/// How the network's orchestrations retry their activities: a mail server or store that is briefly away is tried
/// again five times over some minutes before the orchestration hears of the failure.
/// </summary>
public static class ActivityRetry
{
    /// <summary>Five attempts, 10 s apart at first, doubling up to 10 minutes.</summary>
    public static TaskOptions Default { get; } = TaskOptions.FromRetryPolicy(new RetryPolicy(5, TimeSpan.FromSeconds(10), 2, TimeSpan.FromMinutes(10)));
}
