namespace Workflows.Durable;

/// <summary>
/// The name (and optional version) of an orchestrator or activity. Converts implicitly from a string so
/// call sites read <c>context.CallActivityAsync("SendWelcomeLetter", input)</c>.
/// </summary>
public readonly struct TaskName : IEquatable<TaskName>
{
    /// <summary>Creates a task name.</summary>
    /// <param name="name">The registered name; must not be empty.</param>
    /// <param name="version">An optional version, carried but not used for dispatch.</param>
    public TaskName(string name, string? version = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Version = version ?? string.Empty;
    }

    /// <summary>The registered name.</summary>
    public string Name { get; }

    /// <summary>The version, empty when none was given.</summary>
    public string Version { get; }

    /// <summary>Converts a string to a task name.</summary>
    public static implicit operator TaskName(string name) => new(name);

    /// <summary>Converts a string to a task name.</summary>
    public static TaskName FromString(string name) => new(name);

    /// <summary>Compares two names, ignoring case as Durable Functions does.</summary>
    public static bool operator ==(TaskName left, TaskName right) => left.Equals(right);

    /// <summary>Compares two names, ignoring case as Durable Functions does.</summary>
    public static bool operator !=(TaskName left, TaskName right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(TaskName other) =>
        string.Equals(Name, other.Name, StringComparison.OrdinalIgnoreCase)
        && string.Equals(Version, other.Version, StringComparison.OrdinalIgnoreCase);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is TaskName other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.OrdinalIgnoreCase.GetHashCode(Name ?? string.Empty);

    /// <inheritdoc />
    public override string ToString() => string.IsNullOrEmpty(Version) ? Name ?? string.Empty : $"{Name}:{Version}";
}
