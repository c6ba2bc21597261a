using Microsoft.DurableTask;

namespace Workflows.Durable.TestWorker;

/// <summary>Calls <see cref="Step"/> the given number of times in sequence, counting up; each step has its own key.</summary>
[DurableTask(nameof(Chain))]
internal sealed class Chain : TaskOrchestrator<int, int>
{
    public override async Task<int> RunAsync(TaskOrchestrationContext context, int input)
    {
        var count = 0;
        for (var i = 0; i < input; i++)
        {
            count = await context.CallActivityAsync<int>(nameof(Step), new StepInput(count, $"{context.InstanceId}/{i}"));
        }

        return count;
    }
}
