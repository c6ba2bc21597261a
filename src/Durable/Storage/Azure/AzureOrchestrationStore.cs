using Azure;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Workflows.Durable.History;

namespace Workflows.Durable.Storage.Azure;

/// <summary>
/// The engine's store on Azure Storage. Each instance is one table partition, so an episode's state change,
/// consumed messages and new work commit in one entity-group batch guarded by the state row's ETag. History rows
/// are written before that batch and read only up to the committed length, so a lost commit leaves nothing visible.
/// Work for other instances leaves through outbox rows in the same batch and is delivered afterwards, by this
/// worker or, after a crash, by the next one to lease the instance. A due index (the <c>Work</c> table, keyed by
/// time) says when to look at which instance; it is read with the injected clock, so timers of any length fire on
/// a fake clock as on a real one. Wake-up notices on the work queue let a Functions queue trigger start a process.
/// </summary>
public sealed partial class AzureOrchestrationStore : IOrchestrationStore, IWorkNoticeQueue
{
    private readonly TableClient instances;
    private readonly TableClient work;
    private readonly QueueClient notices;
    private readonly QueueClient poison;
    private readonly AzureRows rows;
    private readonly AzureStorageOptions options;
    private readonly TimeProvider time;
    private Task? initialization;

    /// <summary>Creates a store for the task hub in <paramref name="options"/>.</summary>
    public AzureOrchestrationStore(AzureStorageOptions options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var names = options.Validate();
        this.options = options;
        time = timeProvider ?? TimeProvider.System;
        var queueOptions = new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 };
        TableServiceClient tableService;
        QueueServiceClient queueService;
        BlobServiceClient blobService;
        if (!string.IsNullOrEmpty(options.ConnectionString))
        {
            tableService = new TableServiceClient(options.ConnectionString);
            queueService = new QueueServiceClient(options.ConnectionString, queueOptions);
            blobService = new BlobServiceClient(options.ConnectionString);
        }
        else
        {
            var credential = options.Credential ?? new DefaultAzureCredential();
            tableService = new TableServiceClient(new Uri($"https://{options.AccountName}.table.core.windows.net"), credential);
            queueService = new QueueServiceClient(new Uri($"https://{options.AccountName}.queue.core.windows.net"), credential, queueOptions);
            blobService = new BlobServiceClient(new Uri($"https://{options.AccountName}.blob.core.windows.net"), credential);
        }

        Names = names;
        instances = tableService.GetTableClient(names.Instances);
        work = tableService.GetTableClient(names.Work);
        notices = queueService.GetQueueClient(names.WorkQueue);
        poison = queueService.GetQueueClient(names.PoisonQueue);
        rows = new AzureRows(new AzurePayloads(blobService.GetBlobContainerClient(names.Payloads)));
    }

    /// <inheritdoc />
    public StoreSignals Signals { get; } = new();

    /// <inheritdoc />
    public string Kind => "azure-storage";

    /// <summary>The hub's table, queue and container names.</summary>
    internal AzureTaskHubNames Names { get; }

    private DateTimeOffset Now => time.GetUtcNow();

    /// <inheritdoc />
    public Task InitializeAsync(CancellationToken cancellation = default) => EnsureReadyAsync(cancellation);

    /// <summary>Creates the hub's resources once per store object, whoever comes first: the worker or a client.</summary>
    private Task EnsureReadyAsync(CancellationToken cancellation)
    {
        var ready = Volatile.Read(ref initialization);
        if (ready is null || ready.IsFaulted || ready.IsCanceled)
        {
            var created = CreateResourcesAsync(cancellation);
            ready = Interlocked.CompareExchange(ref initialization, created, ready) == ready ? created : initialization!;
        }

        return ready;
    }

    private async Task CreateResourcesAsync(CancellationToken cancellation)
    {
        await instances.CreateIfNotExistsAsync(cancellation).ConfigureAwait(false);
        await work.CreateIfNotExistsAsync(cancellation).ConfigureAwait(false);
        await notices.CreateIfNotExistsAsync(cancellationToken: cancellation).ConfigureAwait(false);
        await poison.CreateIfNotExistsAsync(cancellationToken: cancellation).ConfigureAwait(false);
        await rows.Payloads.Container.CreateIfNotExistsAsync(cancellationToken: cancellation).ConfigureAwait(false);
    }

    /// <inheritdoc />
    public async Task CreateInstanceAsync(NewInstance instance, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(instance);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        if (await CreateOrResetAsync(instance, cancellation).ConfigureAwait(false) is { } status)
        {
            throw new OrchestrationAlreadyExistsException(instance.InstanceId, status);
        }

        Signals.Notify(StoreChanges.OrchestrationWork | StoreChanges.Instances);
    }

    /// <inheritdoc />
    public async Task SendMessageAsync(string instanceId, HistoryEvent message, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        await EnsureReadyAsync(cancellation).ConfigureAwait(false);
        var partition = AzureKeys.Partition(instanceId);
        var state = await ReadStateAsync(partition, cancellation).ConfigureAwait(false) ?? throw new OrchestrationNotFoundException(instanceId);
        var status = (OrchestrationRuntimeStatus)(state.GetInt32("Status") ?? 0);
        if (status.IsTerminal())
        {
            return;
        }

        // An event for an instance whose start is delayed waits for the start, so the start is applied first.
        var now = Now;
        var startAt = AzureRows.Time(state, "StartAt") ?? now;
        var visibleAt = status == OrchestrationRuntimeStatus.Pending && !StoredMessage.IsControlEvent(message) && startAt > now ? startAt : now;
        await DeliverMessageAsync(instanceId, AzureKeys.NewMessage(now), null, message, visibleAt, cancellation).ConfigureAwait(false);
        Signals.Notify(StoreChanges.OrchestrationWork);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>
    /// Creates an instance, or replaces a finished one (its rows and payloads go first). Returns the status of an
    /// unfinished instance holding the id instead of creating.
    /// </summary>
    private async Task<OrchestrationRuntimeStatus?> CreateOrResetAsync(NewInstance instance, CancellationToken cancellation)
    {
        var partition = AzureKeys.Partition(instance.InstanceId);
        var now = Now;
        var startAt = instance.StartAt > now ? instance.StartAt : now;
        for (var attempt = 0; ; attempt++)
        {
            var existing = await ReadStateAsync(partition, cancellation).ConfigureAwait(false);
            long version = 1;
            if (existing is not null)
            {
                if (existing.GetString("ExecutionId") == instance.ExecutionId)
                {
                    // Created already: an outbox delivered a second time after a crash.
                    return null;
                }

                var status = (OrchestrationRuntimeStatus)(existing.GetInt32("Status") ?? 0);
                if (!status.IsTerminal())
                {
                    return status;
                }

                await DeleteRowsAsync(partition, keepState: true, cancellation).ConfigureAwait(false);
                await rows.Payloads.DeleteInstanceAsync(partition, cancellation).ConfigureAwait(false);
                version = (existing.GetInt64("Version") ?? 0) + 1;
            }

            var state = await rows.NewStateAsync(partition, instance, now, startAt, version, cancellation).ConfigureAwait(false);
            var started = new ExecutionStartedEvent(instance.Name, instance.Input) { Parent = instance.Parent, Timestamp = now.UtcDateTime };
            var message = await rows.MessageAsync(partition, AzureKeys.NewMessage(now), instance.ExecutionId, started, startAt, cancellation).ConfigureAwait(false);
            await IndexAsync(AzureKeys.OrchestrationDue, startAt, instance.InstanceId, cancellation).ConfigureAwait(false);
            TableTransactionAction stateAction = existing is null
                ? new(TableTransactionActionType.Add, state)
                : new(TableTransactionActionType.UpdateReplace, state, existing.ETag);
            try
            {
                await instances.SubmitTransactionAsync([stateAction, new(TableTransactionActionType.Add, message)], cancellation).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412 && attempt < 5)
            {
                // Someone else created or replaced it meanwhile: look again.
                continue;
            }

            await IndexAsync(AzureKeys.OrchestrationDue, startAt, instance.InstanceId, cancellation).ConfigureAwait(false);
            await NotifyAsync(AzureKeys.OrchestrationDue, instance.InstanceId, startAt, cancellation).ConfigureAwait(false);
            return null;
        }
    }

    private async Task<TableEntity?> ReadStateAsync(string partition, CancellationToken cancellation)
    {
        var state = await instances.GetEntityIfExistsAsync<TableEntity>(partition, AzureKeys.State, cancellationToken: cancellation).ConfigureAwait(false);
        return state.HasValue ? state.Value : null;
    }

    /// <summary>Reads one partition's rows with keys in [<paramref name="from"/>, <paramref name="to"/>).</summary>
    private async Task<List<TableEntity>> ReadRowsAsync(string partition, string from, string to, CancellationToken cancellation)
    {
        var found = new List<TableEntity>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey ge {from} and RowKey lt {to}");
        await foreach (var row in instances.QueryAsync<TableEntity>(filter, cancellationToken: cancellation).ConfigureAwait(false))
        {
            found.Add(row);
        }

        return found;
    }

    /// <summary>Deletes an instance's rows in batches; with <paramref name="keepState"/> the state row stays.</summary>
    private async Task DeleteRowsAsync(string partition, bool keepState, CancellationToken cancellation)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition}");
        var keys = new List<TableEntity>();
        await foreach (var row in instances.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellation).ConfigureAwait(false))
        {
            if (!keepState || row.RowKey != AzureKeys.State)
            {
                keys.Add(new TableEntity(partition, row.RowKey));
            }
        }

        foreach (var chunk in keys.Chunk(100))
        {
            try
            {
                await instances.SubmitTransactionAsync(chunk.Select(k => new TableTransactionAction(TableTransactionActionType.Delete, k, ETag.All)), cancellation).ConfigureAwait(false);
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 404)
            {
                // Someone deleted a row meanwhile; delete the rest one by one.
                foreach (var key in chunk)
                {
                    await instances.DeleteEntityAsync(partition, key.RowKey, ETag.All, cancellation).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>Writes rows in batches of at most 100 operations and about 3 MB (not atomically across batches).</summary>
    private async Task WriteInBatchesAsync(IEnumerable<TableTransactionAction> actions, CancellationToken cancellation)
    {
        var batch = new List<TableTransactionAction>();
        var bytes = 0;
        foreach (var action in actions)
        {
            var size = AzurePayloads.EstimateBytes((TableEntity)action.Entity);
            if (batch.Count == 100 || (batch.Count > 0 && bytes + size > BatchBytes))
            {
                await instances.SubmitTransactionAsync(batch, cancellation).ConfigureAwait(false);
                batch = [];
                bytes = 0;
            }

            batch.Add(action);
            bytes += size;
        }

        if (batch.Count > 0)
        {
            await instances.SubmitTransactionAsync(batch, cancellation).ConfigureAwait(false);
        }
    }

    /// <summary>A table batch may carry 4 MB; keep well below.</summary>
    private const int BatchBytes = 3 * 1024 * 1024;
}
