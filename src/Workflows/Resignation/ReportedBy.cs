using System.Text.Json.Serialization;

namespace Workflows.Resignation;

/// <summary>Who reported the resignation.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReportedBy>))]
public enum ReportedBy
{
    /// <summary>The network leader or the working group.</summary>
    Operator,

    /// <summary>The nurse.</summary>
    Nurse,

    /// <summary>The nurse's leader.</summary>
    Leader,
}
