using Azure.Storage.Queues;
using DurableTask.AzureStorage;
using Microsoft.Extensions.Logging;

namespace Workflows.Durable.AzureStorage;

/// <summary>Due-work notices in an Azure Storage queue of their own, beside DurableTask.AzureStorage's queues.</summary>
internal sealed class QueueDueWorkNotices : IDueWorkNotices
{
    /// <summary>The longest an Azure Storage queue keeps a message invisible.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromDays(7);

    private readonly QueueClient queue;
    private readonly TimeProvider clock;
    private readonly ILogger logger;
    private Task? created;

    public QueueDueWorkNotices(StorageAccountClientProvider account, string queueName, TimeProvider clock, ILogger<QueueDueWorkNotices> logger)
    {
        // Base64, as the Functions host's queue trigger reads messages by default.
        var options = account.Queue.CreateOptions();
        options.MessageEncoding = QueueMessageEncoding.Base64;
        queue = account.Queue.CreateClient(options).GetQueueClient(queueName);
        this.clock = clock;
        this.logger = logger;
    }

    public async Task NoticeAsync(string instanceId, DateTimeOffset dueAt, CancellationToken cancellation = default)
    {
        var delay = dueAt - clock.GetUtcNow();
        delay = delay < TimeSpan.Zero ? TimeSpan.Zero : delay > LongestDelay ? LongestDelay : delay;
        var creating = created ??= queue.CreateIfNotExistsAsync(cancellationToken: CancellationToken.None);
        try
        {
            await creating.ConfigureAwait(false);
        }
        catch
        {
            // Tried again with the next notice.
            created = null;
            throw;
        }

        // Kept until read: a notice that waited its whole seven days is renewed by the app it wakes.
        await queue.SendMessageAsync(new DueWorkNotice(instanceId, dueAt).ToJson(), delay, TimeSpan.FromSeconds(-1), cancellation).ConfigureAwait(false);
        logger.LogDebug("A due-work notice was left, visible in {Delay}.", delay);
    }
}
