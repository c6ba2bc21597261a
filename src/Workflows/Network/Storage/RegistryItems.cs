namespace Workflows.Network.Storage;

/// <summary>What every registry store checks of the items a write carries.</summary>
public static class RegistryItems
{
    /// <summary>Refuses more items than one write holds, and an item named twice (which of its changes would win?).</summary>
    /// <exception cref="ArgumentException">Too many items, or a key given twice.</exception>
    public static void CheckWrite(IReadOnlyList<RegistryItem> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count > IRegistryStore.MostItemsPerWrite)
        {
            throw new ArgumentException($"One write holds at most {IRegistryStore.MostItemsPerWrite} items, not {items.Count}.", nameof(items));
        }

        if (items.Select(i => i.Key).Distinct(StringComparer.Ordinal).Count() != items.Count)
        {
            throw new ArgumentException("An item is named twice in one write.", nameof(items));
        }
    }
}
