using System.Text;
using Microsoft.DurableTask;
using Microsoft.DurableTask.Client;
using Microsoft.DurableTask.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;
using Workflows.Adapters.Registry;
using Workflows.Durable;
using Workflows.Messaging;
using Workflows.Network;
using Workflows.Signing;
using Workflows.Tests.Support;
using Workflows.Wheel.Calendar;
using Workflows.Wheel.Courses;
using Workflows.Wheel.Events;
using Workflows.Wheel.Plan;

namespace Workflows.Tests.Wheel.Courses;

/// <summary>
/// The desk behind <c>/register/{token}</c>, against a real backend (SQLite, fake clock) and registry: seats, the
/// waitlist, promotion when a seat is given back, what the course's orchestration is told, and refusals.
/// </summary>
public sealed class RegistrationDeskTests : IAsyncLifetime, IDisposable
{
    private const string Course = "testnett-basic-course-2026";
    private readonly string folder = Path.Combine(Path.GetTempPath(), "registration-desk-tests", Guid.NewGuid().ToString("N"));
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero));
    private SqliteRegistryStore store = null!;
    private NetworkRegistry registry = null!;
    private WorkflowLinks links = null!;
    private IHost host = null!;
    private RegistrationDesk desk = null!;

    public async Task InitializeAsync()
    {
        store = new SqliteRegistryStore(Path.Combine(folder, "registry.db"));
        registry = new NetworkRegistry(store, clock);
        links = new WorkflowLinks(new Uri("https://nettverk.example/"), new LinkTokens(Encoding.UTF8.GetBytes("a-test-secret-that-is-at-least-32-bytes"), clock), store);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.Services.AddDurableTaskBackend(b => b.UseSqlite(Path.Combine(folder, "durable.db")));
        builder.Services.AddDurableTaskWorker(b => b.AddTasks(r => r.AddOrchestrator<ListeningCourse>()).UseBackend());
        builder.Services.AddDurableTaskClient(b => b.UseBackend());
        host = builder.Build();
        await host.StartAsync();
        var client = host.Services.GetRequiredService<DurableTaskClient>();
        desk = new RegistrationDesk(new WheelLinks(links, client, registry), client, new CourseRosters(registry, clock));

        await registry.CreateAsync(SampleNetwork.Network(), "test");
        await new CourseRosters(registry, clock).OpenAsync(Course, "testnett", 2, "test");
        var occurrence = SampleNetwork.Occurrence(WheelEventKind.BasicCourse, "Grunnkurs i palliasjon", new DateOnly(2026, 11, 10), [Audience.BasicCourseNurses]);
        await client.ScheduleNewOrchestrationInstanceAsync(nameof(ListeningCourse), occurrence, new StartOrchestrationOptions(Course));
        await client.WaitForInstanceStartAsync(Course);
    }

    public async Task DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    public void Dispose() => store?.Dispose();

    [Fact]
    public async Task ActAsync_SeatsUntilFull_WaitlistsThen_PromotesWhenASeatIsGivenBack_AndTellsTheCourse()
    {
        var anne = Token("anne@testkommune.example", "Anne");
        var berit = Token("berit@testkommune.example", "Berit");
        var cecilie = Token("cecilie@testkommune.example", "Cecilie");

        var opened = await desk.OpenAsync(anne);
        Assert.Equal((LinkOutcome.Ready, RegistrationState.None, 2), (opened.Outcome, opened.State, opened.SeatsLeft));
        Assert.Equal(RegistrationState.Seated, (await desk.ActAsync(anne, register: true)).State);
        Assert.Equal(RegistrationState.Seated, (await desk.ActAsync(berit, register: true)).State);
        var waiting = await desk.ActAsync(cecilie, register: true);
        Assert.Equal((LinkOutcome.Done, RegistrationState.Waitlisted, 1, 0), (waiting.Outcome, waiting.State, waiting.WaitlistPlace, waiting.SeatsLeft));
        Assert.Equal(RegistrationState.None, (await desk.ActAsync(anne, register: false)).State);

        var told = await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(Course, getInputsAndOutputs: true);
        var changes = told.ReadOutputAs<List<RosterChanged>>()!;
        Assert.Equal(["anne:Seated", "berit:Seated", "cecilie:Waitlisted", "anne:None"], changes.Select(c => $"{c.Name.ToLowerInvariant()}:{c.State}"));
        Assert.Equal("cecilie@testkommune.example", changes[^1].Promoted?.Email);
        Assert.Equal(RegistrationState.Seated, (await desk.OpenAsync(cecilie)).State);

        // Each change's audit entry names who moved, not everyone on the roster.
        var trail = await registry.AuditTrailAsync<RosterHeader>(Course);
        Assert.Equal(["created", "registered", "registered", "registered", "cancelled"], trail.Select(a => a.Action));
        Assert.DoesNotContain("anne", trail[2].Changes["seated"].After, StringComparison.Ordinal);
        Assert.Contains("berit", trail[2].Changes["seated"].After, StringComparison.Ordinal);
        Assert.Contains("anne", trail[4].Changes["seated"].Before, StringComparison.Ordinal);
        Assert.DoesNotContain("berit", trail[4].Changes["seated"].Before + trail[4].Changes["seated"].After, StringComparison.Ordinal);

        // The course's orchestration has finished: the link shows where one stands and changes nothing.
        Assert.Equal(LinkOutcome.Closed, (await desk.ActAsync(berit, register: false)).Outcome);
    }

    [Fact]
    public async Task ActAsync_TheSameChangeTwice_TellsTheCourseOnce()
    {
        var anne = Token("anne@testkommune.example", "Anne");
        var berit = Token("berit@testkommune.example", "Berit");

        await desk.ActAsync(anne, register: true);
        var again = await desk.ActAsync(anne, register: true);
        await desk.ActAsync(berit, register: true);
        await desk.ActAsync(Token("cecilie@testkommune.example", "Cecilie"), register: true);
        await desk.ActAsync(berit, register: false);
        await desk.ActAsync(berit, register: false);

        Assert.Equal((LinkOutcome.Done, RegistrationState.Seated), (again.Outcome, again.State));
        var told = await host.Services.GetRequiredService<DurableTaskClient>().WaitForInstanceCompletionAsync(Course, getInputsAndOutputs: true);
        Assert.Equal(
            ["anne:Seated", "berit:Seated", "cecilie:Waitlisted", "berit:None"],
            told.ReadOutputAs<List<RosterChanged>>()!.Select(c => $"{c.Name.ToLowerInvariant()}:{c.State}"));
    }

    [Fact]
    public async Task OpenAsync_ForgedExpiredOrAnotherPagesLink_IsRefused()
    {
        var anne = Token("anne@testkommune.example", "Anne");

        Assert.Equal(LinkOutcome.Forged, (await desk.OpenAsync(anne[..^2])).Outcome);
        Assert.Equal(LinkOutcome.Forged, (await desk.OpenAsync(Token("anne@testkommune.example", "Anne", WorkflowLinks.AnswerPurpose))).Outcome);
        clock.Advance(TimeSpan.FromDays(61));
        Assert.Equal(LinkOutcome.Expired, (await desk.ActAsync(anne, register: true)).Outcome);
        Assert.Empty((await new CourseRosters(registry, clock).GetAsync(Course)).Seated);
    }

    private string Token(string email, string name, string purpose = WorkflowLinks.RegisterPurpose) =>
        links.For(new LinkClaim(purpose, Course, email, "basic-course", Guid.NewGuid().ToString("N"), clock.GetUtcNow().AddDays(60), name)).Segments[^1];

    /// <summary>Stands in for the course's orchestration: listens for four roster changes and returns them.</summary>
    private sealed class ListeningCourse : TaskOrchestrator<WheelOccurrence, List<RosterChanged>>
    {
        public override async Task<List<RosterChanged>> RunAsync(TaskOrchestrationContext context, WheelOccurrence input)
        {
            var changes = new List<RosterChanged>();
            while (changes.Count < 4)
            {
                changes.Add(await context.WaitForExternalEvent<RosterChanged>(RosterChanged.EventName));
            }

            return changes;
        }
    }
}
