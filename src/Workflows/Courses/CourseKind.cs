using System.Text.Json.Serialization;

namespace Workflows.Courses;

/// <summary>The courses a new resource nurse is enrolled in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CourseKind>))]
public enum CourseKind
{
    /// <summary>The intro course for new nurses and their leaders, held in December.</summary>
    IntroCourse,

    /// <summary>The two-day basic course in palliation, for nurses without further education.</summary>
    BasicCourse,
}
