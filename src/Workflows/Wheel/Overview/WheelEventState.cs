using System.Text.Json.Serialization;

namespace Workflows.Wheel.Overview;

/// <summary>Where an event of the year stands, in the wheel overview.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WheelEventState>))]
public enum WheelEventState
{
    /// <summary>Its invitation day has not come.</summary>
    Planned,

    /// <summary>Its invitation day has come; the next tick starts it.</summary>
    Due,

    /// <summary>Its orchestration is running (see the phase).</summary>
    Running,

    /// <summary>Its orchestration finished.</summary>
    Done,

    /// <summary>Its orchestration failed or was stopped.</summary>
    Stopped,

    /// <summary>Its days passed without it being started (the host was down the whole time).</summary>
    Missed,
}
