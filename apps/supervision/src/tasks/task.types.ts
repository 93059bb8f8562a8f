import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { DepartmentRef } from '@hotline/service-kit';

@ObjectType('TrackedTaskReminder', { description: '督办事项的一级催办（催办阶梯）' })
export class TrackedTaskReminderNode {
  @Field(() => Int, { description: '相对任务期限的比例（%）：80 = 到期前，100 = 到期，150 = 超期后' }) sharePct!: number;
  @Field(() => String, { description: 'reminder 到期前提醒 | breach 超期催办 | escalation 升级' }) level!: string;
  @Field(() => String) levelLabel!: string;
  @Field(() => [String], { description: 'department 承办科室 | supervisor 督办员 | leader 局领导' }) recipients!: string[];
  @Field(() => Date, { nullable: true, description: '计划催办时间（任务完成后为空）' }) fireAt!: Date | null;
  @Field(() => Date, { nullable: true, description: '已催办时间' }) firedAt!: Date | null;
  @Field(() => Boolean, { description: '已跳过（过时的提醒、已完成的任务）' }) skipped!: boolean;
}

@ObjectType('TrackedTask', { description: '督办事项：调度会决定的任务或宣传任务，按催办阶梯提醒直至完成' })
export class TrackedTaskNode {
  @Field(() => ID) id!: string;
  @Field(() => String, { description: 'meeting 调度会决定 | publicity 宣传任务' }) source!: string;
  @Field(() => String) sourceLabel!: string;
  @Field(() => ID, { description: '调度会编号或宣传事项编号' }) sourceId!: string;
  @Field(() => ID, { nullable: true }) meetingId!: string | null;
  @Field(() => ID, { nullable: true }) decisionId!: string | null;
  @Field(() => String, { description: '任务内容' }) title!: string;
  @Field(() => DepartmentRef, { description: '责任科室' }) department!: DepartmentRef;
  @Field(() => String, { description: '责任科室名称' }) departmentName!: string;
  @Field(() => String, { description: '截止日期（工作日，YYYY-MM-DD）' }) dueDate!: string;
  @Field(() => Date, { description: '截止时间（截止日工作时间结束）' }) dueAt!: Date;
  @Field(() => String, { description: 'open 办理中 | done 已完成' }) status!: string;
  @Field(() => Boolean, { description: '是否已超期（未完成且已过截止时间，或完成晚于截止时间）' }) overdue!: boolean;
  @Field(() => Date, { nullable: true }) doneAt!: Date | null;
  @Field(() => String, { nullable: true, description: '完成说明' }) doneNote!: string | null;
  @Field(() => [TrackedTaskReminderNode], { description: '催办阶梯' }) reminders!: TrackedTaskReminderNode[];
}

@ObjectType('TrackedTaskPage')
export class TrackedTaskPage {
  @Field(() => Int) total!: number;
  @Field(() => [TrackedTaskNode]) items!: TrackedTaskNode[];
}

@InputType('CompleteTrackedTaskInput')
export class CompleteTrackedTaskInput {
  @Field(() => ID) taskId!: string;
  @Field(() => String, { nullable: true, description: '完成说明' }) note?: string | null;
}
