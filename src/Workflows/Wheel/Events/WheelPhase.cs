using System.Text.Json.Serialization;

namespace Workflows.Wheel.Events;

/// <summary>Where a wheel event stands, for the operator and the wheel overview.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<WheelPhase>))]
public enum WheelPhase
{
    /// <summary>Invitations are going out.</summary>
    Inviting,

    /// <summary>Invitations are out; waiting for the reminder days and the day itself.</summary>
    Invited,

    /// <summary>Invitations are out and people register (courses and the subject day).</summary>
    RegistrationOpen,

    /// <summary>A questionnaire is out and answers come in (annual reporting, yearly evaluation).</summary>
    CollectingAnswers,

    /// <summary>The event is taking place.</summary>
    Held,

    /// <summary>Waiting for the operator to mark who attended (courses and the subject day).</summary>
    AwaitingAttendance,

    /// <summary>Waiting for a document after the event (minutes).</summary>
    AwaitingDocument,

    /// <summary>Waiting for the working group to approve a document (the annual report).</summary>
    AwaitingApproval,

    /// <summary>Approved; waiting for the publication day.</summary>
    Approved,

    /// <summary>Everything is done.</summary>
    Done,

    /// <summary>The follow-up day passed without the document (the network leader was copied on every request).</summary>
    DocumentMissing,

    /// <summary>The follow-up day passed without attendance; no certificates were sent.</summary>
    AttendanceMissing,

    /// <summary>No one approved the document in time; it was not published.</summary>
    NotApproved,
}
