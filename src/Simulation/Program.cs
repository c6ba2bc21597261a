using Workflows.Simulation;

// `--network <id> --year <year>`: run a network's year on a fake clock and print what goes out when. A tool of its
// own, so the deployed host carries neither the fake clock nor the made-up people.
return await YearSimulation.RunAsync(args, Console.Out);
