-- One database per service (they never share tables) and one for the registry.
CREATE DATABASE onboarding;
CREATE DATABASE directory;
CREATE DATABASE notification;
CREATE DATABASE registry;
