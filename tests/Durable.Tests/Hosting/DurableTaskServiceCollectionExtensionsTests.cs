using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Workflows.Durable.Storage;
using Workflows.Durable.Tests.Support;

namespace Workflows.Durable.Tests.Hosting;

public sealed class DurableTaskServiceCollectionExtensionsTests
{
    public sealed record Greeting(string Name, string Language);

    public sealed class Salutations
    {
        public string For(string language) => language == "nn" ? "Hei" : "Hallo";
    }

    [DurableTask("Greet")]
    public sealed class GreetActivity(Salutations salutations) : TaskActivity<Greeting, string>
    {
        public override Task<string> RunAsync(TaskActivityContext context, Greeting input) =>
            Task.FromResult($"{salutations.For(input.Language)}, {input.Name} ({context.Name}, task {context.TaskId})");
    }

    public sealed class Welcome : TaskOrchestrator<Greeting, string>
    {
        public override Task<string> RunAsync(TaskOrchestrationContext context, Greeting input) =>
            context.CallActivityAsync<string>("Greet", input);
    }

    public sealed class Clock : TaskOrchestrator<object?, DateTime>
    {
        public override Task<DateTime> RunAsync(TaskOrchestrationContext context, object? input) => Task.FromResult(context.CurrentUtcDateTime);
    }

    [Fact]
    public async Task AddDurableTask_ResolvesActivitiesWithTheirConstructorDependencies()
    {
        await using var host = await EngineHost.StartAsync(
            r => r.AddOrchestrator<Welcome>().AddActivity<GreetActivity>(),
            s => s.AddSingleton<Salutations>());

        var result = await host.RunAsync(nameof(Welcome), new Greeting("Ola", "nn"));

        Assert.Equal("Hei, Ola (Greet, task 0)", result.ReadOutputAs<string>());
    }

    [Fact]
    public async Task AddDurableTask_UsesTheTimeProviderFromTheContainer()
    {
        await using var host = await EngineHost.StartAsync(r => r.AddOrchestrator<Clock>());
        host.Clock.SetUtcNow(new DateTimeOffset(2026, 10, 13, 9, 0, 0, TimeSpan.Zero));

        var result = await host.RunAsync(nameof(Clock));

        Assert.Equal(new DateTime(2026, 10, 13, 9, 0, 0, DateTimeKind.Utc), result.ReadOutputAs<DateTime>());
        Assert.Equal(host.Clock.GetUtcNow(), result.CreatedAt);
    }

    [Fact]
    public async Task AddDurableTask_RegistersClientWorkerAndHostedService()
    {
        var services = new ServiceCollection().AddLogging();
        services.AddDurableTask(b => b.UseSqlite(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".db")));
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<StoreDurableTaskClient>(provider.GetRequiredService<DurableTaskClient>());
        Assert.Same(provider.GetRequiredService<DurableTaskWorker>(), Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Equal("sqlite", provider.GetRequiredService<IOrchestrationStore>().Kind);
    }

    [Fact]
    public void AddDurableTask_WithoutAStore_ExplainsWhatIsMissing()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddDurableTask(b => b.AddTasks(_ => { })));

        Assert.Contains("UseSqlite", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddTasks_SameNameTwice_IsRefused()
    {
        var registry = new DurableTaskRegistry().AddActivity<GreetActivity>();

        Assert.Throws<ArgumentException>(() => registry.AddActivityFunc<int, int>("greet", (_, n) => n));
    }
}
