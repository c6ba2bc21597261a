namespace Workflows.Network.Storage;

/// <summary>Keys recorded once: used signing links, sent emails. Kept with the registry so one store holds both.</summary>
public interface IOnceLedger
{
    /// <summary>Records <paramref name="key"/> in <paramref name="scope"/>; false when it was recorded before.</summary>
    Task<bool> TryRecordOnceAsync(string scope, string key, CancellationToken cancellation = default);

    /// <summary>True when <paramref name="key"/> was recorded in <paramref name="scope"/>.</summary>
    Task<bool> WasRecordedAsync(string scope, string key, CancellationToken cancellation = default);
}
