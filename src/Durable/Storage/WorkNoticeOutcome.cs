namespace Workflows.Durable.Storage;

/// <summary>What handling a <see cref="WorkNotice"/> did.</summary>
public enum WorkNoticeOutcome
{
    /// <summary>Work was leased and run.</summary>
    Ran,

    /// <summary>Nothing was due, or another worker held it (its own loop or lease lapse brings it back).</summary>
    NothingDue,

    /// <summary>The notice came before its due time and went back on the queue.</summary>
    Deferred,
}
