import 'server-only';
import type { Role } from '@/lib/domain/access/permissions';
import type { ProjectSettings } from '@/db/schema';

export type ProjectListItem = {
  id: string;
  title: string;
  role: Role;
  memberCount: number;
  createdAt: string;
};

export type ProjectDetail = {
  id: string;
  title: string;
  question: string;
  criteria: string;
  settings: ProjectSettings;
  role: Role;
  createdAt: string;
  updatedAt: string;
};
