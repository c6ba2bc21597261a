using Workflows.Network;

namespace Workflows.Wheel.Calendar;

/// <summary>A network's yearly wheel as read from its calendar file.</summary>
/// <param name="NetworkId">The network it belongs to.</param>
/// <param name="Version">The file's version, raised with each change, shown with the wheel.</param>
/// <param name="Language">The language its titles are written in (the network's).</param>
/// <param name="Events">Its events.</param>
/// <param name="Source">The file it came from.</param>
public sealed record WheelCalendar(string NetworkId, int Version, NetworkLanguage Language, IReadOnlyList<WheelEventDefinition> Events, string Source);
