using System.Text.Json.Serialization;

namespace Workflows.Wheel.Events;

/// <summary>The documents wheel events collect through upload links and then share.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WheelDocumentKind>))]
public enum WheelDocumentKind
{
    /// <summary>A local gathering's minutes, from the area leader, to the leaders of the area's nurses.</summary>
    Minutes,

    /// <summary>The revised action plan after the strategy meeting, from the network leader, to the whole network.</summary>
    ActionPlan,

    /// <summary>A newsletter, from the network leader, to nurses and leaders.</summary>
    Newsletter,

    /// <summary>Last year's annual report, from the network leader, approved by the working group, then published.</summary>
    AnnualReport,
}
