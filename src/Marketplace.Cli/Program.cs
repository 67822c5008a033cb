Console.WriteLine("marketplace");
