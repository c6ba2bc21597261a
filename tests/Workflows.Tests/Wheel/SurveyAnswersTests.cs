using Workflows.Adapters.Registry;
using Microsoft.Extensions.Time.Testing;
using Workflows.Network;
using Workflows.Network.Storage;
using Workflows.Tests.Support;
using Workflows.Wheel.Surveys;

namespace Workflows.Tests.Wheel;

public sealed class SurveyAnswersTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "answers-" + Guid.NewGuid().ToString("N"));
    private readonly SqliteRegistryStore store;
    private readonly NetworkRegistry registry;

    public SurveyAnswersTests()
    {
        store = new SqliteRegistryStore(Path.Combine(folder, "registry.db"));
        registry = new NetworkRegistry(store, new FakeTimeProvider(new DateTimeOffset(2027, 11, 1, 8, 0, 0, TimeSpan.Zero)));
    }

    public void Dispose()
    {
        store.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public async Task Erasing_a_nurse_removes_free_text_by_and_about_them_and_keeps_the_figures()
    {
        await registry.CreateAsync(SampleNetwork.Network(), "test");
        await registry.CreateAsync(SampleNetwork.Area(), "test");
        await registry.CreateAsync(SampleNetwork.Unit(), "test");
        var leaving = await registry.CreateAsync(SampleNetwork.Nurse(id: "rn-leaving0001"), "test");
        await registry.CreateAsync(SampleNetwork.Nurse(id: "rn-staying0001"), "test");
        await AnswerAsync("rn-leaving0001", Respondent.Nurse, "Mer om Åse Ødegårds pasienter");
        await AnswerAsync("rn-leaving0001", Respondent.Leader, "Siri trenger mer tid");
        await AnswerAsync("rn-staying0001", Respondent.Nurse, "Flere fagdager");

        await SurveyAnswers.EraseFreeTextAsync(registry, leaving.Entity, "test");

        foreach (var respondent in Enum.GetValues<Respondent>())
        {
            var id = SurveyAnswer.IdFor("testnett-annual-reporting-2026", respondent, "rn-leaving0001");
            var answer = (await registry.GetAsync<SurveyAnswer>(id)).Entity;
            Assert.Equal(["work-plan-meeting"], answer.Answers.Keys);
            var trail = await store.ReadAuditAsync(SurveyAnswer.Kind, id);
            Assert.DoesNotContain(trail.SelectMany(a => a.Changes.Values), c => (c.Before + c.After).Contains("tid", StringComparison.Ordinal) || (c.Before + c.After).Contains("pasienter", StringComparison.Ordinal));
        }

        var staying = (await registry.GetAsync<SurveyAnswer>(SurveyAnswer.IdFor("testnett-annual-reporting-2026", Respondent.Nurse, "rn-staying0001"))).Entity;
        Assert.Equal("Flere fagdager", staying.Answers["wishes"]);
    }

    private Task AnswerAsync(string nurseId, Respondent respondent, string wishes) => registry.CreateAsync(
        new SurveyAnswer
        {
            Id = SurveyAnswer.IdFor("testnett-annual-reporting-2026", respondent, nurseId),
            NetworkId = "testnett",
            InstanceId = "testnett-annual-reporting-2026",
            Respondent = respondent,
            NurseId = nurseId,
            AreaId = "testomrade",
            Answers = new Dictionary<string, string> { ["work-plan-meeting"] = "yes", ["wishes"] = wishes },
        },
        "test");
}
