namespace Workflows.Wheel.Calendar;

/// <summary>A calendar file that cannot be used, with every error found in it.</summary>
public sealed class CalendarValidationException : Exception
{
    /// <summary>Creates the exception for <paramref name="source"/>.</summary>
    public CalendarValidationException(string source, IReadOnlyList<CalendarError> errors)
        : base($"{source} is not a valid calendar:{Environment.NewLine}{string.Join(Environment.NewLine, errors.Select(e => $"  {source}: {e}"))}")
    {
        Source = source;
        Errors = errors;
    }

    /// <summary>Creates the exception.</summary>
    public CalendarValidationException()
        : this("calendar", [])
    {
    }

    /// <summary>Creates the exception.</summary>
    public CalendarValidationException(string message)
        : base(message)
    {
        Source = "calendar";
        Errors = [];
    }

    /// <summary>Creates the exception.</summary>
    public CalendarValidationException(string message, Exception inner)
        : base(message, inner)
    {
        Source = "calendar";
        Errors = [];
    }

    /// <summary>The file.</summary>
    public new string Source { get; }

    /// <summary>What is wrong, by line and field.</summary>
    public IReadOnlyList<CalendarError> Errors { get; }
}
