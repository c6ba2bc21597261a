using Workflows.Network.Storage;

namespace Workflows.Network;

/// <summary>
/// An entity that says itself what a change did to it, for its audit entry: one that grows large (a course roster with
/// a thousand people) is changed often and a little, and comparing its whole JSON before and after each time costs
/// more than the change. The registry uses it for changes made with <see cref="NetworkRegistry.ChangeAsync{T}(string, Func{T, T}, string, string, CancellationToken)"/>.
/// </summary>
/// <typeparam name="T">The entity's own type.</typeparam>
public interface IDescribesItsChanges<in T>
    where T : class, IRegistryEntity
{
    /// <summary>The fields that differ from <paramref name="before"/>, as <see cref="AuditChanges.Between"/> would record them.</summary>
    IReadOnlyDictionary<string, AuditChange> ChangesSince(T before);
}
