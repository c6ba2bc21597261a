namespace Workflows.Durable;

/// <summary>Gives an orchestrator or activity class the name it is registered and called by.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class DurableTaskAttribute : Attribute
{
    /// <summary>Names the task.</summary>
    public DurableTaskAttribute(string? name = null) => Name = name;

    /// <summary>The name; the class name when null.</summary>
    public string? Name { get; }

    /// <summary>The name a type is registered under: the attribute's, else the class name.</summary>
    internal static TaskName NameOf(Type type)
    {
        var attribute = (DurableTaskAttribute?)GetCustomAttribute(type, typeof(DurableTaskAttribute));
        return new TaskName(attribute?.Name ?? type.Name);
    }
}
