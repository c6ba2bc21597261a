using System.Text.Json.Serialization;

namespace Workflows.Wheel.Calendar;

/// <summary>Who an event is for; resolved against the registry when invitations go out.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Audience>))]
public enum Audience
{
    /// <summary>Every active resource nurse (of the event's area when it has one).</summary>
    Nurses,

    /// <summary>The nearest leaders of those nurses.</summary>
    Leaders,

    /// <summary>Nurses enrolled in this year's intro course.</summary>
    NewNurses,

    /// <summary>Nurses enrolled in this year's basic course (no further education in palliation).</summary>
    BasicCourseNurses,

    /// <summary>The area leaders (of the event's area when it has one).</summary>
    AreaLeaders,

    /// <summary>The network's working group and network leader.</summary>
    WorkingGroup,

    /// <summary>The network's steering group.</summary>
    SteeringGroup,

    /// <summary>Every municipality's post box.</summary>
    MunicipalityPostBoxes,
}
