namespace Workflows.Durable;

/// <summary>
/// Tasks contributed from the service collection, so a module (or a test) can add orchestrators and activities
/// without owning the <c>AddDurableTask</c> call: <c>services.AddSingleton(new DurableTaskRegistration(r => ...))</c>.
/// </summary>
/// <param name="configure">Adds tasks to the registry.</param>
public sealed class DurableTaskRegistration(Action<DurableTaskRegistry> configure)
{
    /// <summary>Adds this registration's tasks.</summary>
    public void Apply(DurableTaskRegistry registry) => configure(registry);
}
